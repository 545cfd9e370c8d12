using System.Globalization;
using Extraction.Core.Configuration;

namespace Extraction.Core.Flywheel;

/// <summary>The gate's rules over two sides' figures: each rule the candidate breaks, in words with both figures.</summary>
public static class GateRules
{
    public static List<string> Judge(GateFigures current, GateFigures candidate, int goldAccounts, GateOptions settings)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(settings);
        var reasons = new List<string>();
        static string Pct(double rate) => (rate * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";
        if (goldAccounts < settings.MinGoldAccounts)
        {
            reasons.Add($"the gold set has {goldAccounts} accounts, fewer than the {settings.MinGoldAccounts} a decision needs (Training:Gate:MinGoldAccounts)");
        }

        if (candidate.ErrorAmongExtracted > current.ErrorAmongExtracted + settings.MaxErrorIncrease)
        {
            reasons.Add($"error among extracted {Pct(candidate.ErrorAmongExtracted)} against {Pct(current.ErrorAmongExtracted)} (allowed +{Pct(settings.MaxErrorIncrease)})");
        }

        if (candidate.AnswerErrorRate > current.AnswerErrorRate + settings.MaxAnswerErrorIncrease)
        {
            reasons.Add($"its own answers wrong {Pct(candidate.AnswerErrorRate)} against {Pct(current.AnswerErrorRate)} (allowed +{Pct(settings.MaxAnswerErrorIncrease)})");
        }

        var latencyLimit = (long)Math.Ceiling(current.LatencyP95Ms * (1 + settings.LatencyMarginPercent / 100.0)) + settings.LatencySlackMs;
        if (candidate.LatencyP95Ms > latencyLimit)
        {
            reasons.Add($"p95 latency {candidate.LatencyP95Ms} ms against {current.LatencyP95Ms} ms (allowed up to {latencyLimit} ms)");
        }

        var costLimit = current.CostPer1000 * (1 + settings.CostMarginPercent / 100m);
        if (candidate.CostPer1000 > costLimit)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"cost ${candidate.CostPer1000:F4} per 1,000 against ${current.CostPer1000:F4} (allowed up to ${costLimit:F4})"));
        }

        return reasons;
    }
}
