using System.Text.RegularExpressions;

namespace Extraction.Core.Tests;

/// <summary>
/// The dependencies a reader sees first — each file's <c>using Extraction.Core.…</c> lines — run one way too. The IL
/// graph (<see cref="ArchitectureTests"/>) misses a using that names a namespace without using a type of it; the build
/// removes those (IDE0005), and this keeps what is left acyclic.
/// </summary>
public sealed partial class DeclaredUsingsTests
{
    [Fact]
    public void No_namespace_of_the_core_declares_a_using_of_one_that_declares_one_back()
    {
        var uses = DeclaredUses();
        var cycles = uses.Keys.SelectMany(from => uses[from].Where(to => Reaches(uses, to, from)).Select(to => $"{from} → {to} → … → {from}")).ToList();

        Assert.True(uses.Count >= 15, string.Join(", ", uses.Keys));
        Assert.True(cycles.Count == 0, string.Join("\n", cycles));
    }

    private static Dictionary<string, HashSet<string>> DeclaredUses()
    {
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var source = Path.Combine(Root(), "src", "Extraction.Core");
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            if (NamespaceLine().Match(text) is not { Success: true } declared)
            {
                continue;
            }

            var from = declared.Groups["ns"].Value;
            var targets = uses.TryGetValue(from, out var known) ? known : uses[from] = [];
            foreach (Match used in UsingLine().Matches(text))
            {
                if (used.Groups["ns"].Value != from)
                {
                    targets.Add(used.Groups["ns"].Value);
                }
            }
        }

        return uses;
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> uses, string from, string target)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var next = new Stack<string>([from]);
        while (next.TryPop(out var at))
        {
            if (at == target)
            {
                return true;
            }

            if (seen.Add(at) && uses.TryGetValue(at, out var targets))
            {
                foreach (var to in targets)
                {
                    next.Push(to);
                }
            }
        }

        return false;
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Functions.sln not found above the test's folder.");
    }

    [GeneratedRegex(@"^namespace (?<ns>Extraction\.Core(?:\.\w+)?)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^using (?<ns>Extraction\.Core(?:\.\w+)?)(?:\.\w+)*;", RegexOptions.Multiline)]
    private static partial Regex UsingLine();
}
