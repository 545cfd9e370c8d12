using System.Reflection;
using Extraction.Core.Configuration;
using Extraction.Core.Models;
using Extraction.Core.Models.OpenAI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Extraction.Core.Tests;

/// <summary>What the composition root decides is written there, not left to type names' sort order.</summary>
public sealed class CompositionTests
{
    [Fact]
    public void Every_hosted_service_is_in_the_declared_start_order_and_registered_in_it()
    {
        var marked = typeof(ExtractionServices).Assembly.GetTypes().Where(t => t.GetCustomAttribute<SingletonAttribute>()?.Hosted == true);
        var services = new ServiceCollection().AddExtractionCore(new ConfigurationBuilder().Build());

        Assert.Equal(marked.Order(TypeNames.Instance), ExtractionServices.HostedInOrder.Order(TypeNames.Instance));
        Assert.Equal(ExtractionServices.HostedInOrder.Count, services.Count(d => d.ServiceType == typeof(IHostedService)));
        // Storage first; the budget guard stops after the work that spends from it.
        Assert.Equal(typeof(Storage.StorageInitializer), ExtractionServices.HostedInOrder[0]);
        Assert.True(
            ExtractionServices.HostedInOrder.ToList().IndexOf(typeof(Budgets.BudgetGuard)) < ExtractionServices.HostedInOrder.ToList().IndexOf(typeof(Realtime.RecordQueue)),
            "the record queue must drain before the budget guard returns its leases");
    }

    [Fact]
    public void The_deployment_provider_is_registered_once_and_by_name()
    {
        var services = new ServiceCollection().AddExtractionCore(new ConfigurationBuilder().Build());

        Assert.Equal(typeof(ChatCall), Assert.Single(services, d => d.ServiceType == typeof(IDeploymentClient)).ImplementationType);
    }

    private sealed class TypeNames : IComparer<Type>
    {
        public static readonly TypeNames Instance = new();

        public int Compare(Type? x, Type? y) => string.CompareOrdinal(x?.FullName, y?.FullName);
    }
}
