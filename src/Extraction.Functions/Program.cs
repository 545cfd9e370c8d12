using Extraction.Core.Configuration;
using Extraction.Core.Telemetry;
using Extraction.Functions.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
builder.Services.AddSingleton<IPipelineTelemetry, ApplicationInsightsTelemetry>();
builder.Services.AddExtractionCore(builder.Configuration);
builder.Build().Run();
