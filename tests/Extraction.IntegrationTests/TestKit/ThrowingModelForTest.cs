using Extraction.Core.Checks;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Models;
using Microsoft.Extensions.Options;

namespace Extraction.IntegrationTests.TestKit;

/// <summary>
/// A stand-in for an infrastructure fault that no real part here produces on demand: the rules model,
/// except that it throws for one account, as a crashed dependency would.
/// </summary>
internal sealed class ThrowingModelForTest(string accountId) : IExtractionModel
{
    private readonly RulesExtractionModel _rules = new(new AnswerChecker(Options.Create(new ChecksOptions())));

    public Task<ModelAnswer> ExtractAsync(BatchItem item, AccountContext context, CancellationToken cancellationToken = default) =>
        item.AccountId == accountId
            ? throw new InvalidOperationException("Simulated dependency crash.")
            : _rules.ExtractAsync(item, context, cancellationToken);
}
