using System.Collections.Concurrent;
using Extraction.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Quota;

/// <summary>
/// This process's limiter of each deployment it calls, made on first use from <c>Model:Deployments:&lt;name&gt;</c>
/// (or <c>Model:DeploymentDefaults</c>). None with the rules or with <c>Model:Quota:Enabled</c> off.
/// </summary>
[Singleton]
public sealed class QuotaGates(IOptions<ModelOptions> options, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<QuotaGate>> _gates = new(StringComparer.Ordinal);

    public bool Enabled => !options.Value.UsesRules && options.Value.Quota.Enabled;

    /// <summary>A deployment was called for the first time in this process (the share heartbeat says so at once).</summary>
    public event Action? FirstUse;

    /// <summary>The deployment's gate, or null where calls are not limited.</summary>
    public QuotaGate? For(string deployment)
    {
        if (!Enabled)
        {
            return null;
        }

        var settings = options.Value;
        return _gates.GetOrAdd(deployment, name => new(() => new QuotaGate(name, settings.QuotaOf(name), settings.Quota, time, () => FirstUse?.Invoke()))).Value;
    }

    /// <summary>The gates made so far.</summary>
    public IReadOnlyList<QuotaGate> All => [.. _gates.Values.Select(g => g.Value).OrderBy(g => g.Deployment, StringComparer.Ordinal)];

    public void Dispose()
    {
        foreach (var gate in _gates.Values.Where(g => g.IsValueCreated))
        {
            gate.Value.Dispose();
        }
    }
}
