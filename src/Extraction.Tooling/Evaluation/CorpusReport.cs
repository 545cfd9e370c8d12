using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;
using Extraction.Tooling.Generation;

namespace Extraction.Tooling.Evaluation;

/// <summary>
/// The checks and the rules measured on the families they were developed against and, side by side, on
/// the held-out families, with the goals of docs/quality.md; then per family and per field, and why right
/// answers were flagged.
/// </summary>
public static class CorpusReport
{
    public sealed record Goals(double Catch = 0.995, double CleanFlagged = 0.01, double NeedsReview = 0.01, double RulesWrong = 0.01, double RulesRecall = 0.90);

    /// <summary>Generates <paramref name="perSet"/> accounts of each set from <paramref name="seed"/> and measures each set and each family.</summary>
    /// <param name="selection">the selection measured beside core + development: <c>held-out</c>, or a round measured on its own (<c>blind-5</c>)</param>
    public static (CorpusFigures Developed, CorpusFigures HeldOut, IReadOnlyList<(DocumentFamily Family, CorpusFigures Figures)> Families) Measure(int perSet, int seed, string selection = "held-out")
    {
        ArgumentNullException.ThrowIfNull(selection);
        // By name, not by role: a round added later is measured on its own and moves none of these figures.
        var (developedFamilies, heldOutFamilies) = (DocumentFamilies.Select("core", "development"), DocumentFamilies.Select(selection.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        var developed = new SyntheticBatchGenerator(seed, families: developedFamilies).Generate(perSet).ToList();
        var heldOut = new SyntheticBatchGenerator(seed + 1, families: heldOutFamilies).Generate(perSet).ToList();
        var families = developedFamilies.Concat(heldOutFamilies)
            .Select(f => (f, CorpusMeasurement.Measure(developed.Concat(heldOut).Where(a => a.Family == f.Name))))
            .ToList();
        return (CorpusMeasurement.Measure(developed), CorpusMeasurement.Measure(heldOut), families);
    }

    public static string Markdown(int perSet, int seed, CorpusFigures developed, CorpusFigures heldOut, IReadOnlyList<(DocumentFamily Family, CorpusFigures Figures)> families, string heldOutName = "held-out")
    {
        ArgumentNullException.ThrowIfNull(developed);
        ArgumentNullException.ThrowIfNull(heldOut);
        ArgumentNullException.ThrowIfNull(families);
        var goals = new Goals();
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Checks and rules on families they were and were not written against ({perSet:N0} accounts per part, seed {seed})");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| | goal | core + development families | {heldOutName} families |");
        md.AppendLine("| --- | ---: | ---: | ---: |");
        Row(md, "documents", "", developed.Documents.ToString("N0", CultureInfo.InvariantCulture), heldOut.Documents.ToString("N0", CultureInfo.InvariantCulture));
        Row(md, "wrong answers caught", $"≥ {Pct(goals.Catch)}", Ratio(developed.Caught, developed.Corrupted), Ratio(heldOut.Caught, heldOut.Corrupted));
        Row(md, "right answers flagged", $"≤ {Pct(goals.CleanFlagged)}", Ratio(developed.GoldFlagged, developed.Documents), Ratio(heldOut.GoldFlagged, heldOut.Documents));
        Row(md, $"error among `extracted` (student wrong {Pct(CorpusMeasurement.StudentErrorShare)})", "", Ratio(developed.ExtractedWrong, developed.Extracted), Ratio(heldOut.ExtractedWrong, heldOut.Extracted));
        Row(md, "`needs_review` with a perfect teacher", $"≤ {Pct(goals.NeedsReview)}", Ratio(developed.NeedsReview, developed.Documents), Ratio(heldOut.NeedsReview, heldOut.Documents));
        Row(md, "wrong answers caught by a firm failure (doubts alone not sending an answer away)", "", Ratio(developed.FirmCaught, developed.Corrupted), Ratio(heldOut.FirmCaught, heldOut.Corrupted));
        Row(md, "right answers with a firm failure", "", Ratio(developed.FirmFlagged, developed.Documents), Ratio(heldOut.FirmFlagged, heldOut.Documents));
        Row(md, "right student answers sent to the teacher", "", Ratio(developed.StudentRightEscalated, developed.StudentRight), Ratio(heldOut.StudentRightEscalated, heldOut.StudentRight));
        var echo = Pct(CorpusMeasurement.TeacherEchoShare);
        Row(md, $"error among `extracted`, the teacher repeating {echo} of the wrong answers it is asked about", "", Ratio(developed.EchoExtractedWrong, developed.EchoExtracted), Ratio(heldOut.EchoExtractedWrong, heldOut.EchoExtracted));
        Row(md, $"`needs_review`, the teacher repeating {echo} of them", "", Ratio(developed.EchoNeedsReview, developed.Documents), Ratio(heldOut.EchoNeedsReview, heldOut.Documents));
        Row(md, "rules: values read wrong (all fields)", $"< {Pct(goals.RulesWrong)}", RulesWrong(developed), RulesWrong(heldOut));
        Row(md, "rules: recall (all fields)", $"≥ {Pct(goals.RulesRecall)}", RulesRecall(developed), RulesRecall(heldOut));
        md.AppendLine();
        md.AppendLine("## Rules extractor per field: recall (values read wrong)");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| field | core + development | {heldOutName} |");
        md.AppendLine("| --- | ---: | ---: |");
        foreach (var field in FieldCatalog.All)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{field.Name}` | {FieldCell(developed, field.Name)} | {FieldCell(heldOut, field.Name)} |");
        }

        md.AppendLine();
        md.AppendLine("## Per family");
        md.AppendLine();
        md.AppendLine("| family | round | documents | caught | right flagged | right sent to the teacher | `needs_review` | error among `extracted` | rules recall | rules wrong |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (family, figures) in families)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| `{family.Name}` — {family.Description} | {DocumentFamilies.RoundOf(family).Name} | {figures.Documents:N0} | {Pct(figures.CatchRate)} | {Pct(figures.CleanFlaggedRate)} | {Pct(figures.RightEscalatedRate)} | {Pct(figures.NeedsReviewRate)} | {Pct(figures.ResidualError)} | {RulesRecall(figures)} | {RulesWrong(figures)} |");
        }

        md.AppendLine();
        var heldOutFamilies = families.Where(f => f.Figures.Documents > 0 && heldOut.Documents > 0 && !DocumentFamilies.Select("core", "development").Contains(f.Family)).ToList();
        CheckReport.Append(md, heldOutName, heldOut, heldOutFamilies);
        CheckReport.Append(md, "core + development", developed, families.Except(heldOutFamilies).ToList());
        md.AppendLine("## Why right answers were flagged (up to 10 of each set)");
        md.AppendLine();
        foreach (var (name, figures) in new[] { ("core + development", developed), (heldOutName, heldOut) })
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {(figures.Flags.Count == 0 ? "none" : "")}");
            foreach (var flag in figures.Flags.Take(10))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"  - {flag}");
            }
        }

        return md.ToString();
    }

    /// <summary>Every goal the figures miss, one line each (empty when all are met).</summary>
    public static IReadOnlyList<string> Misses(string part, CorpusFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var goals = new Goals();
        var misses = new List<string>();
        Miss(figures.CatchRate < goals.Catch, $"{part}: caught {Ratio(figures.Caught, figures.Corrupted)} < {Pct(goals.Catch)}");
        Miss(figures.CleanFlaggedRate > goals.CleanFlagged, $"{part}: right answers flagged {Ratio(figures.GoldFlagged, figures.Documents)} > {Pct(goals.CleanFlagged)}");
        Miss(figures.NeedsReviewRate > goals.NeedsReview, $"{part}: needs_review {Ratio(figures.NeedsReview, figures.Documents)} > {Pct(goals.NeedsReview)}");
        foreach (var (field, score) in figures.Rules.Where(r => r.Value.Stated > 0 || r.Value.Wrong > 0))
        {
            Miss(score.WrongRate >= goals.RulesWrong, $"{part}: rules read {field} wrong {Ratio(score.Wrong, score.Read)}");
            Miss(score.Recall < goals.RulesRecall, $"{part}: rules recall of {field} {Ratio(score.Right, score.Stated)} < {Pct(goals.RulesRecall)}");
        }

        return misses;

        void Miss(bool missed, string line)
        {
            if (missed)
            {
                misses.Add(line);
            }
        }
    }

    private static void Row(StringBuilder md, string what, string goal, string left, string right) =>
        md.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {goal} | {left} | {right} |");

    private static string FieldCell(CorpusFigures figures, string field) =>
        figures.Rules.TryGetValue(field, out var s) && s.Stated + s.Wrong > 0 ? $"{Pct(s.Recall)} ({s.Wrong})" : "—";

    private static string RulesWrong(CorpusFigures figures) =>
        Ratio(figures.Rules.Values.Sum(s => s.Wrong), figures.Rules.Values.Sum(s => s.Read));

    private static string RulesRecall(CorpusFigures figures) =>
        Ratio(figures.Rules.Values.Sum(s => s.Right), figures.Rules.Values.Sum(s => s.Stated));

    private static string Ratio(int part, int whole) =>
        string.Create(CultureInfo.InvariantCulture, $"{part:N0} / {whole:N0} ({Pct(whole == 0 ? 0 : (double)part / whole)})");

    private static string Pct(double share) => (share * 100).ToString(share is > 0 and < 0.1 ? "0.##" : "0.#", CultureInfo.InvariantCulture) + " %";
}
