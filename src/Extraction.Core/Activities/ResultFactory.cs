using Extraction.Core.Checks;
using Extraction.Core.Contracts;
using Extraction.Core.Models;

namespace Extraction.Core.Activities;

/// <summary>Turns a model's answer into the account's result.v1 record.</summary>
public static class ResultFactory
{
    public static ExtractionResult FromAnswer(string accountId, ModelAnswer answer, string rawOutput)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var result = new ExtractionResult
        {
            AccountId = accountId,
            Status = ResultStatus.Failed,
            Model = answer.Model,
            Attempts = answer.Attempts.Count,
            LatencyMs = answer.LatencyMs,
            Usage = answer.Usage,
            CostUsd = answer.CostUsd,
            RawOutput = rawOutput,
        };

        if (answer.Fields is not { } fields)
        {
            return result with
            {
                Status = answer.OverBudget is null ? ResultStatus.Failed : ResultStatus.OverBudget,
                Reason = answer.FailureReason ?? "The model gave no usable answer.",
            };
        }

        var checks = answer.Checks ?? throw new InvalidOperationException("An answer reached the result without its checks.");
        var failed = checks.Where(c => !c.Passed).ToList();
        return failed.Count == 0
            ? result with { Status = ResultStatus.Extracted, Fields = fields, Checks = checks }
            : result with
            {
                Status = ResultStatus.NeedsReview,
                Fields = fields,
                Checks = checks,
                Reason = $"A person should check {AnswerChecker.InDoubt(failed)}: {string.Join("; ", failed.Select(c => $"{c.Name}: {c.Detail}"))}.{(answer.Note is null ? "" : $" {answer.Note}")}",
            };
    }

    public static ExtractionResult Failed(string accountId, string reason) =>
        new() { AccountId = accountId, Status = ResultStatus.Failed, Reason = reason };
}
