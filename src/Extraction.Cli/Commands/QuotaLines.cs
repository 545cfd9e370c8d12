using System.Globalization;
using System.Text;
using Extraction.Core.Quota;

namespace Extraction.Cli.Commands;

/// <summary>The run summary's word on each deployment's quota: what the limiter let through, what was refused, and whether the quota set the pace.</summary>
internal static class QuotaLines
{
    /// <summary>When calls waited for slots for over half the run, the deployment's quota, not the batch, set its pace.</summary>
    private const double PacedShare = 0.5;

    public static string Of(QuotaGates gates, TimeSpan run)
    {
        ArgumentNullException.ThrowIfNull(gates);
        if (!gates.Enabled)
        {
            return "  quota: not limited here (Model:Quota:Enabled is off, or the rules answer)\n";
        }

        var text = new StringBuilder();
        foreach (var q in gates.All.Select(g => g.Snapshot()).Where(q => q.Granted > 0 || q.Saturated > 0))
        {
            var paced = q.PacedMs / Math.Max(1, run.TotalMilliseconds);
            text.Append(CultureInfo.InvariantCulture,
                $"  quota: {q.Deployment}: {q.Granted} calls ({q.Granted / Math.Max(run.TotalSeconds, 0.001):F1}/s), {q.RateLimited} answered 429 ({(double)q.RateLimited / Math.Max(1, q.Granted):P1}), "
                + $"{q.Saturated} saturated; paced at {q.RequestsPerMinute:F0}/min ({q.Share:P0} share), calls waited for a slot {paced:P0} of the run, {q.WaitedMs / Math.Max(1, q.Granted):F0} ms each on average");
            text.Append(paced > PacedShare ? ": the quota, not the batch, set the pace\n" : "\n");
        }

        return text.Length == 0 ? "  quota: no model call from this process (its workers made them)\n" : text.ToString();
    }
}
