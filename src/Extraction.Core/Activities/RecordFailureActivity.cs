using Extraction.Core.Storage;

namespace Extraction.Core.Activities;

/// <summary>
/// Gives an account whose extraction kept failing its <c>failed</c> result, so no input line ends
/// without one. A re-run tries it again (<c>failed</c> is not final).
/// </summary>
public sealed class RecordFailureActivity(ResultStore results) : IPipelineActivity<RecordFailureInput, AccountOutcome>
{
    public async Task<AccountOutcome> RunAsync(RecordFailureInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = ResultFactory.Failed(input.Item.AccountId, input.Reason);
        await results.PutAsync(input.Batch, input.Item.Line, result, cancellationToken).ConfigureAwait(false);
        return new AccountOutcome(result.Status, 0m);
    }
}
