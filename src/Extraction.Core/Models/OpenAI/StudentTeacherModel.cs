using System.Diagnostics;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Models.OpenAI;

/// <summary>
/// The fine-tuned student first, within its deadline; the teacher, when one is configured, when the
/// student times out, stays rate-limited, keeps failing or answers with something unusable. A prompt
/// the content filter refuses is not sent on. The answer names the deployment that produced it.
/// </summary>
public sealed class StudentTeacherModel(DeploymentRunner runner, IOptions<ModelOptions> options, ILogger<StudentTeacherModel> logger) : IExtractionModel
{
    public async Task<ModelAnswer> ExtractAsync(BatchItem item, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var student = settings.StudentDeployment!;
        var request = ExtractionRequest.For(item, settings.MaxOutputTokens);
        var attempts = new List<ModelAttempt>();
        var started = Stopwatch.GetTimestamp();
        long Elapsed() => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var first = await runner.RunAsync(student, TimeSpan.FromMilliseconds(settings.TimeoutMs), request, attempts, cancellationToken).ConfigureAwait(false);
        if (first.Fields is not null)
        {
            return new ModelAnswer(first.Fields, student, attempts, Elapsed(), null);
        }

        if (first.StopFallback)
        {
            return new ModelAnswer(null, null, attempts, Elapsed(), $"No answer: {first.Reason}.");
        }

        if (string.IsNullOrWhiteSpace(settings.TeacherDeployment))
        {
            return new ModelAnswer(null, null, attempts, Elapsed(), $"The student gave no usable answer ({first.Reason}) and no teacher is configured.");
        }

        var teacher = settings.TeacherDeployment;
        logger.LogWarning("Student {Student} gave no usable answer; asking teacher {Teacher}", student, teacher);
        var second = await runner.RunAsync(teacher, TimeSpan.FromMilliseconds(settings.TeacherTimeoutMs), request, attempts, cancellationToken).ConfigureAwait(false);
        return second.Fields is not null
            ? new ModelAnswer(second.Fields, teacher, attempts, Elapsed(), null)
            : new ModelAnswer(null, null, attempts, Elapsed(), $"Neither the student ({first.Reason}) nor the teacher ({second.Reason}) gave a usable answer.");
    }
}
