using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Pricing;
using Extraction.Core.Prompting;
using Extraction.Core.Storage;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Training;

/// <summary>
/// Turns a window of training candidates into Azure OpenAI chat fine-tuning files: one example per
/// distinct document (human corrections first, then teacher, then student), the system and user
/// messages exactly as the prompt builder makes them at inference (redacted the same way), a
/// deterministic train/validation split by document hash, files in UTF-8 with a BOM split below the
/// size limit, and a manifest. The same window always yields the same files. Documents the evaluation
/// gate judges on (<see cref="HeldOutDocuments"/>) are never taught.
/// </summary>
[Singleton]
public sealed class TrainingExporter(
    TrainingCandidates candidates, RawRecordStore rawRecords, HeldOutDocuments heldOut, TokenCounter tokens, IOptions<TrainingOptions> options)
{
    private static readonly JsonSerializerOptions LineJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions ManifestJson = new(ContractJson.Options) { WriteIndented = true };
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public async Task<ExportManifest> ExportAsync(DateTimeOffset since, DateTimeOffset until, IExportSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var settings = options.Value;
        var selected = new List<TrainingCandidate>();
        await foreach (var candidate in candidates.ListAsync(since, until, cancellationToken).ConfigureAwait(false))
        {
            selected.Add(candidate);
        }

        var inputs = new ConcurrentDictionary<TrainingCandidate, BatchItem?>();
        await Parallel.ForEachAsync(selected, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (candidate, token) =>
            inputs[candidate] = (await rawRecords.ReadAsync(candidate.RawOutput, token).ConfigureAwait(false))?.Input).ConfigureAwait(false);

        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["duplicate"] = 0, ["held_out"] = 0, ["missing_document"] = 0, ["too_long"] = 0 };
        var withDocuments = selected.Where(c => inputs[c] is not null).ToList();
        skipped["missing_document"] = selected.Count - withDocuments.Count;
        // Whoever answered it (a person, the teacher, the student), a document the gate judges on is never taught.
        var gate = await heldOut.GateDocumentsAsync(cancellationToken).ConfigureAwait(false);
        var taught = withDocuments.Where(c =>
        {
            var hash = DocumentHash(inputs[c]!.Source.Text);
            return !gate.ContainsKey(hash) && !(c.Source == TrainingSource.Human && heldOut.IsGateLabel(hash));
        }).ToList();
        skipped["held_out"] = withDocuments.Count - taught.Count;
        withDocuments = taught;
        var distinct = withDocuments
            .GroupBy(c => DocumentHash(inputs[c]!.Source.Text))
            .Select(g => (Hash: g.Key, Best: g.OrderBy(c => c.Source).ThenByDescending(c => c.RecordedAt).First()))
            .ToList();
        skipped["duplicate"] = withDocuments.Count - distinct.Count;

        var examples = new List<(string Hash, TrainingCandidate Candidate, string Line, int Tokens, bool Validation)>();
        foreach (var (hash, best) in distinct.OrderBy(d => d.Hash, StringComparer.Ordinal))
        {
            var (line, count) = Example(inputs[best]!, best.Fields);
            if (count > settings.MaxTokensPerExample)
            {
                skipped["too_long"]++;
                continue;
            }

            examples.Add((hash, best, line, count, IsValidation(hash, settings.ValidationPercent)));
        }

        var folder = WindowFolder(since, until);
        await sink.ClearAsync(folder, cancellationToken).ConfigureAwait(false);
        var notes = new List<string>();
        var files = new List<ExportFile>();
        var provenance = new StringBuilder();
        foreach (var split in new[] { "train", "validation" })
        {
            var part = examples.Where(e => e.Validation == (split == "validation")).ToList();
            if (part.Count < settings.MinExamplesPerFile)
            {
                notes.Add($"{split}: {part.Count} examples, fewer than the {settings.MinExamplesPerFile} a fine-tuning file needs; no file written.");
                continue;
            }

            files.AddRange(await WritePartsAsync(sink, folder, split, part.Select(e => (e.Line, e.Tokens)).ToList(), settings.MaxFileBytes, cancellationToken).ConfigureAwait(false));
            foreach (var e in part)
            {
                provenance.AppendLine(JsonSerializer.Serialize(new
                {
                    split, documentHash = e.Hash, source = e.Candidate.Source.ToString().ToLowerInvariant(), e.Candidate.Model,
                    e.Candidate.Partner, e.Candidate.BatchId, e.Candidate.Line,
                }, LineJson));
            }
        }

        var written = files.Select(f => f.Split).ToHashSet();
        var train = written.Contains("train") ? examples.Where(e => !e.Validation).ToList() : [];
        var validation = written.Contains("validation") ? examples.Where(e => e.Validation).ToList() : [];
        var trainTokens = train.Sum(e => (long)e.Tokens);
        var manifest = new ExportManifest(
            since, until, ExtractionPrompt.Version, selected.Count,
            selected.GroupBy(c => c.Source.ToString().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count()),
            skipped, train.Count, validation.Count, trainTokens, validation.Sum(e => (long)e.Tokens), settings.Epochs,
            Math.Round(trainTokens * settings.Epochs * settings.PricePerMillionTrainingTokens / 1_000_000m, 4),
            files, notes);
        await WriteTextAsync(sink, $"{folder}/provenance.jsonl", provenance.ToString(), cancellationToken).ConfigureAwait(false);
        await WriteTextAsync(sink, $"{folder}/{ExportManifest.FileName}", JsonSerializer.Serialize(manifest, ManifestJson), cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    public static string WindowFolder(DateTimeOffset since, DateTimeOffset until) =>
        $"{since.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}_{until.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";

    /// <summary>Whitespace and Unicode form do not make a document new.</summary>
    public static string DocumentHash(string text)
    {
        var normalised = string.Join(' ', text.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    public static bool IsValidation(string documentHash, int validationPercent) =>
        ulong.Parse(documentHash[..15], NumberStyles.HexNumber, CultureInfo.InvariantCulture) % 100 < (ulong)validationPercent;

    private (string Line, int Tokens) Example(BatchItem item, ExtractedFields fields)
    {
        var user = ExtractionPrompt.UserMessage(item);
        var assistant = ContractJson.Serialize(fields);
        var line = JsonSerializer.Serialize(new
        {
            messages = new[]
            {
                new { role = "system", content = ExtractionPrompt.SystemMessage },
                new { role = "user", content = user },
                new { role = "assistant", content = assistant },
            },
        }, LineJson);
        return (line, tokens.CountChat([ExtractionPrompt.SystemMessage, user, assistant]));
    }

    private static async Task<List<ExportFile>> WritePartsAsync(
        IExportSink sink, string folder, string split, List<(string Line, int Tokens)> lines, long maxBytes, CancellationToken cancellationToken)
    {
        var files = new List<ExportFile>();
        var index = 0;
        while (index < lines.Count)
        {
            var path = $"{folder}/{split}.part-{files.Count:D3}.jsonl";
            long bytes = Utf8WithBom.GetPreamble().Length, tokens = 0;
            var start = index;
            await using (var stream = await sink.CreateAsync(path, cancellationToken).ConfigureAwait(false))
            await using (var writer = new StreamWriter(stream, Utf8WithBom))
            {
                while (index < lines.Count)
                {
                    var size = Encoding.UTF8.GetByteCount(lines[index].Line) + 1;
                    if (index > start && bytes + size > maxBytes)
                    {
                        break;
                    }

                    writer.Write(lines[index].Line);
                    writer.Write('\n');
                    bytes += size;
                    tokens += lines[index].Tokens;
                    index++;
                }
            }

            files.Add(new ExportFile(sink.Describe(path), split, index - start, bytes, tokens));
        }

        return files;
    }

    private static async Task WriteTextAsync(IExportSink sink, string path, string text, CancellationToken cancellationToken)
    {
        await using var stream = await sink.CreateAsync(path, cancellationToken).ConfigureAwait(false);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        await writer.WriteAsync(text).ConfigureAwait(false);
    }
}
