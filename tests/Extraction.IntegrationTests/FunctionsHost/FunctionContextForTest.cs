using System.Text.Json;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Extraction.IntegrationTests.FunctionsHost;

/// <summary>
/// Stands in for the Azure Functions host's invocation context, which needs Core Tools or Azure to
/// exist. It carries only what the worker's HTTP helpers read: services with a JSON serializer.
/// </summary>
internal sealed class FunctionContextForTest : FunctionContext
{
    /// <summary>The worker's default serializer settings (AddFunctionsWorkerCore): camelCase, case-insensitive.</summary>
    private static readonly JsonSerializerOptions WorkerJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true };

    public override string InvocationId { get; } = Guid.NewGuid().ToString();
    public override string FunctionId => "test";
    public override TraceContext TraceContext => null!;
    public override BindingContext BindingContext => null!;
    public override RetryContext RetryContext => null!;
    public override IServiceProvider InstanceServices { get; set; } = new ServiceCollection()
        .Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(WorkerJson))
        .BuildServiceProvider();
    public override FunctionDefinition FunctionDefinition => null!;
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
    public override IInvocationFeatures Features => null!;
}
