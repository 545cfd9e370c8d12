using Extraction.Core.Contracts;

namespace Extraction.Core.Models;

/// <summary>
/// The model seam: one account's document in, fields.v1 (or a failure with a reason) out, with every
/// attempt it made. Implementations never throw for a bad answer; they report it.
/// </summary>
public interface IExtractionModel
{
    Task<ModelAnswer> ExtractAsync(BatchItem item, AccountContext context, CancellationToken cancellationToken = default);
}
