using System.Globalization;
using System.Text;
using Extraction.Tooling.Generation;

namespace Extraction.Tooling.Evaluation;

/// <summary>
/// Each check's precision (how often "failed" means the answer is wrong) and recall (the share of wrong
/// answers it fails) on a part of the corpus and per family: the figures that decide which check may
/// send an answer to the teacher alone.
/// </summary>
internal static class CheckReport
{
    public static void Append(StringBuilder md, string part, CorpusFigures figures, IEnumerable<(DocumentFamily Family, CorpusFigures Figures)> families)
    {
        var checks = figures.Checks.OrderByDescending(c => c.Value.FailedWrong).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key).ToList();
        var share = CorpusMeasurement.StudentErrorShare;
        md.AppendLine(CultureInfo.InvariantCulture, $"## Each check on the {part} families");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Precision is for a student wrong {Pct(share)} of the time: of the answers a check fails, the share that is wrong. Recall: of the wrong answers that parse, the share it fails.");
        md.AppendLine();
        md.AppendLine("| check | right answers failed | wrong answers failed | precision | recall |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var name in checks)
        {
            var tally = figures.Checks[name];
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| `{name}` | {tally.FailedRight:N0} / {figures.Documents:N0} | {tally.FailedWrong:N0} / {figures.CorruptedParsed:N0} | {Pct(tally.Precision(figures.Documents, figures.CorruptedParsed, share))} | {Pct(tally.Recall(figures.CorruptedParsed))} |");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Per family, each cell: precision / recall (right answers failed); — where the check failed nothing.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| family | {string.Join(" | ", checks.Select(c => $"`{c}`"))} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| --- |{string.Concat(checks.Select(_ => " ---: |"))}");
        foreach (var (family, f) in families)
        {
            var cells = checks.Select(name => f.Checks.TryGetValue(name, out var t)
                ? $"{Pct(t.Precision(f.Documents, f.CorruptedParsed, share))} / {Pct(t.Recall(f.CorruptedParsed))} ({t.FailedRight})"
                : "—");
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{family.Name}` | {string.Join(" | ", cells)} |");
        }

        md.AppendLine();
    }

    private static string Pct(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
