using System.Text.Json;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Cli.Serve;

/// <summary>
/// The little of a Functions invocation context the HTTP triggers use outside the Functions host: the
/// services, with the worker's default JSON serializer (camelCase) for the Durable status payload.
/// </summary>
internal sealed class ServedFunctionContext(IServiceProvider services) : FunctionContext
{
    private static readonly IServiceProvider WorkerServices = new ServiceCollection()
        .Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true }))
        .BuildServiceProvider();

    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");
    public override string FunctionId => "served";
    public override TraceContext TraceContext => null!;
    public override BindingContext BindingContext => null!;
    public override RetryContext RetryContext => null!;
    public override IServiceProvider InstanceServices { get; set; } = new Combined(services);
    public override FunctionDefinition FunctionDefinition => null!;
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
    public override IInvocationFeatures Features => null!;

    /// <summary>The app's services, and the worker's options where the app has none.</summary>
    private sealed class Combined(IServiceProvider app) : IServiceProvider
    {
        public object? GetService(Type serviceType) => app.GetService(serviceType) is { } found && serviceType != typeof(Microsoft.Extensions.Options.IOptions<WorkerOptions>)
            ? found
            : WorkerServices.GetService(serviceType);
    }
}
