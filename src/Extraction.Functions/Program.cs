using Extraction.Core.Configuration;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddExtractionCore(builder.Configuration);
builder.Build().Run();
