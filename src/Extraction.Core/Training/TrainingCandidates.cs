using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Extraction.Core.Checks;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Training;

/// <summary>
/// The index the retraining export reads: answers worth teaching, written when they are made (and when a
/// person corrects one), partitioned by UTC day. Selection by provenance happens here: a person's
/// correction; a teacher answer that passed every check; a student answer that passed every check and
/// agreed with the second opinion. Nothing unresolved, failed, invalid or over budget gets in.
/// </summary>
[Singleton]
public sealed class TrainingCandidates(StorageClients storage, TableWriter writer, IOptions<ModelOptions> model, IOptions<TrainingOptions> training, TimeProvider time)
{
    private TableClient Table => storage.TrainingTable;

    /// <summary>The source an answer would be taught as, or null where it is not trustworthy enough.</summary>
    public TrainingSource? Classify(ExtractionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var settings = model.Value;
        if (result.Status != ResultStatus.Extracted || result.Fields is null || settings.UsesRules || result.Checks.Any(c => !c.Passed))
        {
            return null;
        }

        if (result.Model == settings.TeacherDeployment && !string.IsNullOrEmpty(settings.TeacherDeployment))
        {
            return TrainingSource.Teacher;
        }

        // The student is the configured one or a candidate the loop promoted (named by Training:DeploymentPrefix).
        var student = result.Model is { } answeredBy
            && (answeredBy == settings.StudentDeployment || training.Value.IsCandidate(answeredBy));
        return student && result.Checks.Any(c => c.Name == SecondOpinionCheck.CheckName)
            ? TrainingSource.Student
            : null;
    }

    /// <summary>Records the answers worth teaching: one plain upsert, or transactions of up to 100 rows per day.</summary>
    public Task ConsiderManyAsync(IReadOnlyList<(BatchRef Batch, int Line, ExtractionResult Result)> answers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var now = time.GetUtcNow();
        var rows = answers.Select(a => (a, Source: Classify(a.Result))).Where(x => x.Source is not null).Select(x => ToEntity(x.a.Batch, x.a.Line, x.a.Result, x.Source!.Value, now));
        return writer.UpsertAsync(Table, [.. rows], cancellationToken);
    }

    public Task RecordAsync(BatchRef batch, int line, ExtractionResult result, TrainingSource source, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(ToEntity(batch, line, result, source, time.GetUtcNow()), TableUpdateMode.Replace, cancellationToken);

    private static TableEntity ToEntity(BatchRef batch, int line, ExtractionResult result, TrainingSource source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(result);
        return new TableEntity(Day(now), $"{batch.Partner}|{batch.BatchId}|{LineKey.Of(line)}|{source}")
        {
            ["Partner"] = batch.Partner,
            ["BatchId"] = batch.BatchId,
            ["Line"] = line,
            ["Source"] = source.ToString(),
            ["Model"] = result.Model,
            ["RawOutput"] = result.RawOutput,
            ["Fields"] = ContractJson.Serialize(result.Fields),
            ["RecordedAt"] = now,
        };
    }

    /// <summary>Candidates recorded in [since, until), day partition by day partition.</summary>
    public async IAsyncEnumerable<TrainingCandidate> ListAsync(DateTimeOffset since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var day = since.UtcDateTime.Date; day < until.UtcDateTime; day = day.AddDays(1))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Day(day)} and RecordedAt ge {since} and RecordedAt lt {until}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                yield return new TrainingCandidate(
                    row.GetString("Partner"), row.GetString("BatchId"), row.GetInt32("Line") ?? 0,
                    Enum.Parse<TrainingSource>(row.GetString("Source")), row.GetString("Model"), row.GetString("RawOutput"),
                    ContractJson.Deserialize<ExtractedFields>(row.GetString("Fields"))!, row.GetDateTimeOffset("RecordedAt")!.Value);
            }
        }
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
