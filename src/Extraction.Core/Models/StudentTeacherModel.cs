using System.Diagnostics;
using Extraction.Core.Checks;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Quota;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Models;

/// <summary>
/// The fine-tuned student first, within its deadline, and its answer checked. The teacher, when one is
/// configured, answers when the student times out, stays rate-limited, keeps failing, answers with
/// something unusable, or gives an answer that fails a check. Every call reserves its worst-case cost in
/// the account's budget scopes first; all calls end by the account's deadline. A prompt the content
/// filter refuses is not sent on. The answer names the deployment that produced it and carries its checks.
/// The student is the one <see cref="IStudentSource"/> names now (promotion and rollback need no redeploy);
/// a shadow candidate, when there is one, is offered the account after the answer is made. A batch account is first
/// admitted to the student's queue (<see cref="QuotaGate.AdmitAsync"/>): at a saturated deployment it waits against
/// its batch's deadline, and its own deadline starts once it is admitted.
/// </summary>
[Singleton]
public sealed class StudentTeacherModel(
    DeploymentRunner runner,
    IStudentSource students,
    IShadowTraffic shadow,
    AnswerChecker checker,
    AttemptBudgets budgets,
    QuotaGates gates,
    IOptions<ModelOptions> options,
    TimeProvider time,
    ILogger<StudentTeacherModel> logger) : IExtractionModel
{
    public async Task<ModelAnswer> ExtractAsync(BatchItem item, AccountContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var route = await students.CurrentAsync(cancellationToken).ConfigureAwait(false);
        using var admitted = context.Lane == CallLane.Batch && gates.For(route.Student) is { } gate
            ? await gate.AdmitAsync(context.QueueUntil, cancellationToken).ConfigureAwait(false) ?? NotAdmitted.Instance
            : null;
        if (admitted is NotAdmitted)
        {
            return new ModelAnswer(null, null, [], 0, $"Not attempted: {route.Student} stayed saturated until the batch's deadline.");
        }

        context = admitted is null ? context : context.StartedAt(time.GetUtcNow());
        var answer = await ExtractAsync(item, context, new ModelRoute(route.Student, options.Value.TeacherDeployment), cancellationToken).ConfigureAwait(false);
        if (route.Shadow is { } candidate && candidate != route.Student)
        {
            shadow.Offer(candidate, item, context, answer);
        }

        return answer;
    }

    /// <summary>One account on an explicit route (the evaluation gate runs a candidate alone this way).</summary>
    public async Task<ModelAnswer> ExtractAsync(BatchItem item, AccountContext context, ModelRoute route, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(route);
        var settings = options.Value;
        var student = route.Student;
        var request = ExtractionRequest.For(item, settings.MaxOutputTokens);
        var budget = budgets.For(item, context.Scopes);
        var attempts = new List<ModelAttempt>();
        var started = Stopwatch.GetTimestamp();
        long Elapsed() => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        CallWindow Window(int timeoutMs) => new(TimeSpan.FromMilliseconds(timeoutMs), context.Deadline, context.Lane);

        var first = await runner.RunAsync(student, Window(settings.TimeoutMs), request, attempts, budget, cancellationToken).ConfigureAwait(false);
        if (first.DeniedBy is not null && attempts.Count == 0)
        {
            return new ModelAnswer(null, null, attempts, Elapsed(), $"Not attempted: {first.DeniedBy} has no room.", OverBudget: first.DeniedBy);
        }

        // The document is read once for the checks of both answers, the student's and, where it is asked, the teacher's.
        var evidence = first.Fields is null ? null : DocumentEvidence.Of(item);
        var firstChecks = first.Fields is null ? null : checker.Run(item, first.Fields, evidence);
        if (firstChecks is not null && AnswerChecker.AllPassed(firstChecks))
        {
            return new ModelAnswer(first.Fields, student, attempts, Elapsed(), null, firstChecks);
        }

        if (first.StopFallback)
        {
            return new ModelAnswer(null, null, attempts, Elapsed(), $"No answer: {first.Reason}.");
        }

        var why = firstChecks is null ? $"gave no usable answer ({first.Reason})" : "gave an answer that failed its checks";
        var teacher = route.Teacher;
        if (string.IsNullOrWhiteSpace(teacher) || context.Deadline <= time.GetUtcNow())
        {
            var missing = string.IsNullOrWhiteSpace(teacher) ? "no teacher is configured" : "the account's deadline has passed";
            return firstChecks is null
                ? new ModelAnswer(null, null, attempts, Elapsed(), $"The student {why} and {missing}.")
                : new ModelAnswer(first.Fields, student, attempts, Elapsed(), null, firstChecks, $"The teacher was not asked: {missing}.");
        }

        logger.LogWarning("Student {Student} {Why}; asking teacher {Teacher}", student,
            firstChecks is null ? "gave no usable answer" : $"failed its checks on {AnswerChecker.InDoubt(firstChecks.Where(c => !c.Passed))}", teacher);
        var second = await runner.RunAsync(teacher, Window(settings.TeacherTimeoutMs), request, attempts, budget, cancellationToken).ConfigureAwait(false);
        if (second.Fields is not null)
        {
            return new ModelAnswer(second.Fields, teacher, attempts, Elapsed(), null, Agreement.Settle(checker.Run(item, second.Fields, evidence), second.Fields, first.Fields));
        }

        return firstChecks is null
            ? new ModelAnswer(null, null, attempts, Elapsed(), $"Neither the student ({first.Reason}) nor the teacher ({second.Reason}) gave a usable answer.")
            : new ModelAnswer(first.Fields, student, attempts, Elapsed(), null, firstChecks, $"The teacher gave no usable answer ({second.Reason}).");
    }

    /// <summary>Stands for an admission the batch's deadline ended: nothing to give back.</summary>
    private sealed class NotAdmitted : IDisposable
    {
        public static readonly NotAdmitted Instance = new();

        public void Dispose()
        {
        }
    }
}
