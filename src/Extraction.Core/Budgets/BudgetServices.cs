using Extraction.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Core.Budgets;

public static class BudgetServices
{
    /// <summary>The ledger and the guard that leases blocks from it (a hosted service: it gives its leases back at stop).</summary>
    public static IServiceCollection AddBudgets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<BudgetOptions>(configuration, BudgetOptions.Section);
        services.AddSingleton<BudgetLedger>();
        services.AddSingleton<BudgetGuard>();
        services.AddHostedService(sp => sp.GetRequiredService<BudgetGuard>());
        return services;
    }
}
