using System.Globalization;
using System.Text;
using Extraction.Core.Evaluation;

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
        md.Append(WhatWasCompared(reports, batchName));
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

    /// <summary>What the rows are and how to read them; with the rules alone, how to get more than one point.</summary>
    private static string WhatWasCompared(IReadOnlyList<EvaluationReport> reports, string batchName)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"""
            ## What was compared

            Each configuration ran the same {reports[0].Accounts} accounts of `{batchName}` through the production batch path
            (orchestration, model calls, checks, budgets) on storage of its own, and its results were scored against the gold labels:

            - **error rate among extracted**: of the accounts that ended `extracted`, the share with any field unlike gold — what got past the checks;
            - **field accuracy**: fields equal to gold, over the accounts with an answer; **review rate** and **failed**: accounts left to a person or without an answer;
            - **teacher calls**: accounts on which the teacher was asked; latency: the model calls of an account; cost: tokens at the configured `Pricing`.


            """));
        if (reports.Count == 1)
        {
            text.Append("""
                Only one configuration ran, so the chart has one point. With a model configured, `extract eval` runs four
                (`--variants all`, the default): the rules, the student alone, the teacher alone, and the student with the
                teacher as fallback — the comparison the chart is for. For example, against the model emulator:

                ```
                extract eval batch.jsonl gold.jsonl --Model:Provider=azure-openai --Model:Endpoint=http://127.0.0.1:5080/ --Model:ApiKey=k \
                  --Model:StudentDeployment=student-ft --Model:TeacherDeployment=teacher-large \
                  --Pricing:student-ft:InputPerMillion=0.30 --Pricing:student-ft:OutputPerMillion=1.20 \
                  --Pricing:teacher-large:InputPerMillion=2.50 --Pricing:teacher-large:OutputPerMillion=10
                ```

                `--variants current` runs just the configuration as given (to compare settings, run it once per setting).


                """);
        }

        return text.ToString();
    }

    private static string Pct(double value) => value.ToString("0.0%", CultureInfo.InvariantCulture);
}
