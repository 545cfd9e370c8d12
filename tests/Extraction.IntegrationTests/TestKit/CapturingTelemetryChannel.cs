using System.Collections.Concurrent;
using Microsoft.ApplicationInsights.Channel;

namespace Extraction.IntegrationTests.TestKit;

/// <summary>An Application Insights channel that keeps what would have been sent, for tests to read.</summary>
public sealed class CapturingTelemetryChannel : ITelemetryChannel
{
    public ConcurrentQueue<ITelemetry> Sent { get; } = new();

    public bool? DeveloperMode { get; set; }

    public string? EndpointAddress { get; set; }

    public void Send(ITelemetry item) => Sent.Enqueue(item);

    public void Flush()
    {
    }

    public void Dispose()
    {
    }
}
