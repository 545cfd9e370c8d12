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
public sealed class TrainingCandidates(StorageClients storage, IOptions<ModelOptions> model, TimeProvider time)
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

        return result.Model == settings.StudentDeployment && result.Checks.Any(c => c.Name == SecondOpinionCheck.CheckName)
            ? TrainingSource.Student
            : null;
    }

    public async Task ConsiderAsync(BatchRef batch, int line, ExtractionResult result, CancellationToken cancellationToken = default)
    {
        if (Classify(result) is { } source)
        {
            await RecordAsync(batch, line, result, source, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task RecordAsync(BatchRef batch, int line, ExtractionResult result, TrainingSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(result);
        var now = time.GetUtcNow();
        var entity = new TableEntity(Day(now), $"{batch.Partner}|{batch.BatchId}|{line.ToString("D9", CultureInfo.InvariantCulture)}|{source}")
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
        return Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
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
