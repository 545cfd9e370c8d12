using Extraction.Core.Budgets;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Pricing;
using Extraction.Core.Prompting;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Models;

/// <summary>Makes an account's <see cref="AttemptBudget"/>: its prompt counted once, with the margin for the server's own count.</summary>
[Singleton]
public sealed class AttemptBudgets(BudgetGuard guard, PriceTable prices, TokenCounter tokens, IOptions<ModelOptions> model, IOptions<BudgetOptions> budget)
{
    /// <summary>Null where there is no scope to spend from (no ceiling applies).</summary>
    public AttemptBudget? For(BatchItem item, IReadOnlyList<BudgetScope> scopes)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(scopes);
        if (scopes.Count == 0)
        {
            return null;
        }

        var prompt = (int)Math.Ceiling(tokens.CountChat([ExtractionPrompt.SystemMessage, ExtractionPrompt.UserMessage(item)]) * budget.Value.PromptMargin);
        return new AttemptBudget(guard, prices, scopes, prompt, model.Value.MaxOutputTokens);
    }
}
