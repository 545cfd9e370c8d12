using System.Collections;
using System.Reflection;
using Extraction.Cli.Local;
using Extraction.Core.Access;
using Extraction.Core.Configuration;

namespace Extraction.Cli.CommandLine;

/// <summary>
/// The configuration keys an options class binds, read off the classes themselves: a
/// <c>--Section:Key=value</c> that nothing binds is a typo, and a typo in a budget must not pass silently.
/// </summary>
internal static class ConfigurationKeys
{
    /// <summary>Each section and the type bound to it (Pricing binds a dictionary of deployments).</summary>
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [ModelOptions.Section] = typeof(ModelOptions),
        [PricingOptions.Section] = typeof(Dictionary<string, DeploymentPrice>),
        [StorageOptions.Section] = typeof(StorageOptions),
        [BatchOptions.Section] = typeof(BatchOptions),
        [BudgetOptions.Section] = typeof(BudgetOptions),
        [ChecksOptions.Section] = typeof(ChecksOptions),
        [TrainingOptions.Section] = typeof(TrainingOptions),
        [DurableOptions.Section] = typeof(DurableOptions),
        [AccessOptions.Section] = typeof(AccessOptions),
        [PartnerLimitsOptions.Section] = typeof(PartnerLimitsOptions),
    };

    /// <summary>Sections read by libraries with keys of their own (log levels per category).</summary>
    private static readonly HashSet<string> OpenSections = new(StringComparer.OrdinalIgnoreCase) { "Logging" };

    /// <summary>Null when some options class binds <paramref name="key"/>; otherwise what is wrong, with the nearest key.</summary>
    public static string? Problem(string key)
    {
        var parts = key.Split(':');
        if (parts.Any(string.IsNullOrWhiteSpace))
        {
            return $"--{key}: a configuration key is Section:Key with no empty part.";
        }

        if (OpenSections.Contains(parts[0]))
        {
            return null;
        }

        if (!Sections.TryGetValue(parts[0], out var type))
        {
            return $"--{key}: no section {parts[0]}.{Suggest(parts[0], Sections.Keys.Concat(OpenSections))} Sections: {string.Join(", ", Sections.Keys.Concat(OpenSections))}.";
        }

        for (var i = 1; i < parts.Length; i++)
        {
            if (DictionaryValue(type) is { } valueType)
            {
                type = valueType; // any key names an entry (a deployment, a partner)
                continue;
            }

            var properties = Bindable(type);
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, parts[i], StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                var section = string.Join(':', parts[..i]);
                var known = properties.Select(p => $"{section}:{p.Name}").ToList();
                return $"--{key}: nothing binds {parts[i]} in {section}.{Suggest(key, known)}";
            }

            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        }

        return IsLeaf(type) ? null : $"--{key} names a section, not a value.";
    }

    private static List<PropertyInfo> Bindable(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && (p.CanWrite || DictionaryValue(p.PropertyType) is not null))];

    private static Type? DictionaryValue(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1]
            : null;

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Uri) || type == typeof(TimeSpan)
        || !typeof(IEnumerable).IsAssignableFrom(type) && Bindable(type).Count == 0;

    private static string Suggest(string typed, IEnumerable<string> known) =>
        Typo.Nearest(typed, known) is { } nearest ? $" Did you mean {nearest}?" : "";
}
