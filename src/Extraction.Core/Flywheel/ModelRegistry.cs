using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Extraction.Core.Configuration;
using Extraction.Core.Storage;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Flywheel;

/// <summary>
/// The <c>models</c> table: a row per fine-tuning job (partition <c>model</c>) and one row that says which
/// deployment is the student, which candidate shadows it, and the students before it (partition
/// <c>active</c>). The pointer is changed with If-Match, so two promotions cannot both win.
/// </summary>
[Singleton]
public sealed class ModelRegistry(StorageClients storage, IOptions<ModelOptions> model, TimeProvider time)
{
    private const string ModelsPartition = "model";
    private const string ActivePartition = "active";
    private const string StudentRow = "student";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Table => storage.ModelsTable;

    public async Task<ModelRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(ModelsPartition, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? Read(row.Value!) : null;
    }

    /// <summary>Every job, newest first.</summary>
    public async Task<List<ModelRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var records = new List<ModelRecord>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == ModelsPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(Read(row));
        }

        return [.. records.OrderByDescending(r => r.CreatedAt)];
    }

    /// <summary>Writes a new row: a job just created, or an export that could not start one.</summary>
    public async Task<ModelRecord> AddAsync(ModelRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var stamped = record with { UpdatedAt = time.GetUtcNow() };
        await Table.UpsertEntityAsync(Write(stamped), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return stamped;
    }

    /// <summary>Writes <paramref name="next"/> over <paramref name="current"/>; a move <see cref="ModelStates"/> does not allow is a bug, refused before anything is written.</summary>
    public Task<ModelRecord> MoveAsync(ModelRecord current, ModelRecord next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        return ModelStates.CanMove(current.Status, next.Status)
            ? AddAsync(next, cancellationToken)
            : throw new InvalidOperationException($"Model {current.Id} cannot go from {current.Status.Name()} to {next.Status.Name()}.");
    }

    /// <summary>
    /// Moves a row other than the one being worked on (the student a promotion replaced, the one a rollback
    /// restores) when it exists and its state allows; a row that drifted elsewhere is left as it is.
    /// </summary>
    public async Task<bool> TryMoveAsync(string? id, ModelState to, string reason, CancellationToken cancellationToken = default)
    {
        if (id is null || await GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } record || !ModelStates.CanMove(record.Status, to))
        {
            return false;
        }

        await MoveAsync(record, record with { Status = to, Reason = reason, PromotedAt = to == ModelState.Active ? time.GetUtcNow() : record.PromotedAt }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The student now: the pointer row, or <c>Model:StudentDeployment</c> before anything was promoted.</summary>
    /// <param name="quick">One try within two seconds (the hot path, which has a fallback), not the usual retries.</param>
    public async Task<ActiveStudentRow> ActiveAsync(bool quick = false, CancellationToken cancellationToken = default)
    {
        var table = quick ? storage.QuickModelsTable : Table;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(ActivePartition, StudentRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue)
        {
            return new ActiveStudentRow(null, model.Value.StudentDeployment ?? "", null, [], null, default);
        }

        var entity = row.Value!;
        return new ActiveStudentRow(
            entity.GetString("ModelId"),
            entity.GetString("Deployment") ?? "",
            entity.GetString("Shadow"),
            JsonSerializer.Deserialize<List<PreviousStudent>>(entity.GetString("History") ?? "[]", Json) ?? [],
            entity.GetDateTimeOffset("ChangedAt"),
            entity.ETag);
    }

    /// <summary>Writes the pointer if no one else changed it since <paramref name="read"/>; false when someone did.</summary>
    public async Task<bool> TryReplaceActiveAsync(ActiveStudentRow read, ActiveStudentRow next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(next);
        var entity = new TableEntity(ActivePartition, StudentRow)
        {
            ["ModelId"] = next.ModelId,
            ["Deployment"] = next.Deployment,
            ["Shadow"] = next.Shadow,
            ["History"] = JsonSerializer.Serialize(next.History, Json),
            ["ChangedAt"] = time.GetUtcNow(),
        };
        try
        {
            if (read.ETag == default)
            {
                await Table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Table.UpdateEntityAsync(entity, read.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    private static TableEntity Write(ModelRecord r) => new(ModelsPartition, r.Id)
    {
        ["Status"] = r.Status.Name(),
        ["ExportFolder"] = r.ExportFolder,
        ["BaseModel"] = r.BaseModel,
        ["CreatedAt"] = r.CreatedAt,
        ["UpdatedAt"] = r.UpdatedAt,
        ["TrainingFileId"] = r.TrainingFileId,
        ["ValidationFileId"] = r.ValidationFileId,
        ["JobId"] = r.JobId,
        ["JobStatus"] = r.JobStatus,
        ["FineTunedModel"] = r.FineTunedModel,
        ["Deployment"] = r.Deployment,
        ["TrainedTokens"] = r.TrainedTokens,
        ["EstimatedCostUsd"] = r.EstimatedCostUsd.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ActualCostUsd"] = r.ActualCostUsd?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Reason"] = r.Reason,
        ["Gate"] = r.Gate is null ? null : JsonSerializer.Serialize(r.Gate, Json),
        ["PromotedAt"] = r.PromotedAt,
        ["DeploymentRemoved"] = r.DeploymentRemoved,
    };

    private static ModelRecord Read(TableEntity e) => new(
        e.RowKey, ModelStates.Parse(e.GetString("Status")), e.GetString("ExportFolder") ?? "", e.GetString("BaseModel") ?? "", e.GetDateTimeOffset("CreatedAt") ?? default)
    {
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
        TrainingFileId = e.GetString("TrainingFileId"),
        ValidationFileId = e.GetString("ValidationFileId"),
        JobId = e.GetString("JobId"),
        JobStatus = e.GetString("JobStatus"),
        FineTunedModel = e.GetString("FineTunedModel"),
        Deployment = e.GetString("Deployment"),
        TrainedTokens = e.GetInt64("TrainedTokens"),
        EstimatedCostUsd = decimal.Parse(e.GetString("EstimatedCostUsd") ?? "0", System.Globalization.CultureInfo.InvariantCulture),
        ActualCostUsd = e.GetString("ActualCostUsd") is { } actual ? decimal.Parse(actual, System.Globalization.CultureInfo.InvariantCulture) : null,
        Reason = e.GetString("Reason"),
        Gate = e.GetString("Gate") is { } gate ? JsonSerializer.Deserialize<GateDecision>(gate, Json) : null,
        PromotedAt = e.GetDateTimeOffset("PromotedAt"),
        DeploymentRemoved = e.GetBoolean("DeploymentRemoved") ?? false,
    };
}
