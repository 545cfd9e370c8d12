using Extraction.Core.Contracts;

namespace Extraction.Core.Tests;

/// <summary>The layers of Extraction.Core run one way (docs/architecture.md): no namespace uses one that uses it back.</summary>
public sealed class ArchitectureTests
{
    private static readonly NamespaceGraph Core = new(typeof(BatchRef).Assembly, "Extraction.Core");

    [Fact]
    public void No_namespace_of_the_core_reaches_itself_through_the_namespaces_it_uses()
    {
        var cycles = Core.Cycles();

        Assert.True(cycles.Count == 0, string.Join("\n", cycles.Select(Explain)));
    }

    [Fact]
    public void The_graph_sees_real_uses_so_the_cycle_check_can_fail()
    {
        // A signature use (a parameter) and a body-only use (a call inside a method) are both seen.
        Assert.Contains("Extraction.Core.Contracts", Core.UsedBy("Extraction.Core.Storage"));
        Assert.NotEmpty(Core.Why("Extraction.Core.Checks", "Extraction.Core.Extraction"));
        Assert.True(Core.Namespaces.Count() >= 15, string.Join(", ", Core.Namespaces));
    }

    [Fact]
    public void Only_the_provider_adapter_touches_the_OpenAI_library()
    {
        string[] openAI = ["OpenAI", "Azure.AI.OpenAI"];
        var users = Core.Namespaces.Where(n => Core.AssembliesUsedBy(n).Intersect(openAI).Any()).ToList();

        Assert.Equal(["Extraction.Core.Models.OpenAI"], users);
        Assert.Contains("OpenAI", Core.AssembliesUsedBy("Extraction.Core.Models.OpenAI"));
        Assert.DoesNotContain(typeof(Tooling.Evaluation.EvaluationChart).Assembly.GetReferencedAssemblies(), a => openAI.Contains(a.Name));
    }

    private static string Explain(List<string> cycle) =>
        $"cycle: {string.Join(" ⇄ ", cycle)}\n" + string.Join("\n", cycle.SelectMany(from => cycle.Where(to => to != from)
            .Select(to => (from, to, why: Core.Why(from, to)))
            .Where(e => e.why.Count > 0)
            .Select(e => $"  {e.from} → {e.to}: {string.Join("; ", e.why.Take(4))}")));
}
