using System.Text.RegularExpressions;
using Extraction.Core.Contracts;
using Extraction.Core.Orchestration;

namespace Extraction.Cli.Commands;

/// <summary>
/// The batch a file runs as: <c>--partner</c> and <c>--batch-id</c>. Same file, same id: without
/// <c>--batch-id</c> it is the file's name and a hash of its content, so a re-run of a file resumes its batch.
/// </summary>
internal sealed partial record BatchNaming(string Partner, string? BatchId)
{
    public async Task<BatchRef> OfFileAsync(string file, CancellationToken cancellationToken)
    {
        var batchId = BatchId;
        if (batchId is null)
        {
            await using var content = File.OpenRead(file);
            var hash = await BatchIntake.HashAsync(content, cancellationToken).ConfigureAwait(false);
            var stem = NotIdCharacters().Replace(Path.GetFileNameWithoutExtension(file), "-");
            batchId = $"{stem[..Math.Min(stem.Length, 60)]}-{hash[..12]}";
        }

        return BatchRef.IsValidBatchId(batchId)
            ? new BatchRef(Partner, batchId)
            : throw new UsageException($"The file's name makes no batch id; give one with --batch-id ({BatchRef.BatchIdRule}).");
    }

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex NotIdCharacters();
}
