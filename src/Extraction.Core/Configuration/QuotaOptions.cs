using System.ComponentModel.DataAnnotations;

namespace Extraction.Core.Configuration;

/// <summary>How the deployments' quotas are lived within (<c>Model:Quota</c>).</summary>
public sealed class QuotaOptions
{
    /// <summary>Off: no limiter, every call goes at once (as before issue 29; for comparison and for servers without quota).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Instances share each deployment's quota through the budgets table (a heartbeat row per instance); off, each
    /// instance paces to the whole quota — right for one instance only.
    /// </summary>
    public bool Shared { get; set; } = true;

    /// <summary>How often an instance says what it used and whether calls are waiting, and reads the others.</summary>
    [Range(1, 60)]
    public int ShareRefreshSeconds { get; set; } = 2;

    /// <summary>A batch account waits to start its model calls while the deployment has this many seconds of calls queued already.</summary>
    [Range(1, 60)]
    public int BatchQueueSeconds { get; set; } = 2;
}
