using System.Diagnostics;
using Extraction.Core.Checks;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Models.OpenAI;

/// <summary>
/// The fine-tuned student first, within its deadline, and its answer checked. The teacher, when one is
/// configured, answers when the student times out, stays rate-limited, keeps failing, answers with
/// something unusable, or gives an answer that fails a check. A prompt the content filter refuses is
/// not sent on. The answer names the deployment that produced it and carries its checks.
/// </summary>
public sealed class StudentTeacherModel(
    DeploymentRunner runner, AnswerChecker checker, IOptions<ModelOptions> options, ILogger<StudentTeacherModel> logger) : IExtractionModel
{
    public async Task<ModelAnswer> ExtractAsync(BatchItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var settings = options.Value;
        var student = settings.StudentDeployment!;
        var request = ExtractionRequest.For(item, settings.MaxOutputTokens);
        var attempts = new List<ModelAttempt>();
        var started = Stopwatch.GetTimestamp();
        long Elapsed() => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var first = await runner.RunAsync(student, TimeSpan.FromMilliseconds(settings.TimeoutMs), request, attempts, cancellationToken).ConfigureAwait(false);
        var firstChecks = first.Fields is null ? null : checker.Run(item, first.Fields);
        if (firstChecks is not null && AnswerChecker.AllPassed(firstChecks))
        {
            return new ModelAnswer(first.Fields, student, attempts, Elapsed(), null, firstChecks);
        }

        if (first.StopFallback)
        {
            return new ModelAnswer(null, null, attempts, Elapsed(), $"No answer: {first.Reason}.");
        }

        var why = firstChecks is null ? $"gave no usable answer ({first.Reason})" : "gave an answer that failed its checks";
        if (string.IsNullOrWhiteSpace(settings.TeacherDeployment))
        {
            return firstChecks is null
                ? new ModelAnswer(null, null, attempts, Elapsed(), $"The student {why} and no teacher is configured.")
                : new ModelAnswer(first.Fields, student, attempts, Elapsed(), null, firstChecks, "No teacher is configured.");
        }

        var teacher = settings.TeacherDeployment;
        logger.LogWarning("Student {Student} {Why}; asking teacher {Teacher}", student, firstChecks is null ? "gave no usable answer" : "failed its checks", teacher);
        var second = await runner.RunAsync(teacher, TimeSpan.FromMilliseconds(settings.TeacherTimeoutMs), request, attempts, cancellationToken).ConfigureAwait(false);
        if (second.Fields is not null)
        {
            return new ModelAnswer(second.Fields, teacher, attempts, Elapsed(), null, checker.Run(item, second.Fields));
        }

        return firstChecks is null
            ? new ModelAnswer(null, null, attempts, Elapsed(), $"Neither the student ({first.Reason}) nor the teacher ({second.Reason}) gave a usable answer.")
            : new ModelAnswer(first.Fields, student, attempts, Elapsed(), null, firstChecks, $"The teacher gave no usable answer ({second.Reason}).");
    }
}
