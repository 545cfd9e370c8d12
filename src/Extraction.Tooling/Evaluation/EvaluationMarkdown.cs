using System.Globalization;
using System.Text;

namespace Extraction.Tooling.Evaluation;

/// <summary>The evaluation as a Markdown report: one row per configuration, then per field and per deployment.</summary>
public static class EvaluationMarkdown
{
    public static string Write(IReadOnlyList<EvaluationReport> reports, string batchName, string chartFile)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Evaluation of {batchName}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"![error rate against cost per 1,000 documents]({chartFile})");
        md.AppendLine();
        md.AppendLine("| configuration | accounts | error rate among extracted | field accuracy | review rate | failed | teacher calls | p50 / p95 / p99 ms | cost per 1,000 |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in reports)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Variant} | {r.Accounts} | {Pct(r.DocumentErrorRateAmongExtracted)} | {Pct(r.FieldAccuracy)} | {Pct(r.ReviewRate)} | {Pct(r.FailedRate)} | {Pct(r.TeacherCallRate)} | {r.LatencyP50Ms} / {r.LatencyP95Ms} / {r.LatencyP99Ms} | ${r.CostPer1000:F4} |");
        }

        if (reports.Any(r => r.Student is not null))
        {
            md.AppendLine();
            md.AppendLine("## The student's answers, and what the checks did with them");
            md.AppendLine();
            md.AppendLine("| configuration | wrong student answers | caught (not `extracted` with wrong fields) | right student answers | sent to teacher or review anyway |");
            md.AppendLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var r in reports.Where(r => r.Student is not null))
            {
                var s = r.Student!;
                md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Variant} | {s.WrongAnswers} | {s.WrongCaught} ({Pct(s.CatchRate)}) | {s.RightAnswers} | {s.RightEscalated} ({Pct(s.FalseAlarmRate)}) |");
            }
        }

        md.AppendLine();
        md.AppendLine("## Field accuracy (accounts with an answer)");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| field | {string.Join(" | ", reports.Select(r => r.Variant))} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| --- |{string.Concat(reports.Select(_ => " ---: |"))}");
        foreach (var field in reports[0].FieldAccuracyByField.Keys)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {field} | {string.Join(" | ", reports.Select(r => Pct(r.FieldAccuracyByField[field])))} |");
        }

        md.AppendLine();
        md.AppendLine("## By the deployment whose answer was used");
        md.AppendLine();
        md.AppendLine("| configuration | deployment | accounts | error rate among extracted | cost per 1,000 | p95 ms |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var r in reports)
        {
            foreach (var d in r.ByDeployment)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Variant} | {d.Deployment} | {d.Accounts} | {Pct(d.DocumentErrorRateAmongExtracted)} | ${d.CostPer1000:F4} | {d.LatencyP95Ms} |");
            }
        }

        return md.ToString();
    }

    private static string Pct(double value) => value.ToString("0.0%", CultureInfo.InvariantCulture);
}
