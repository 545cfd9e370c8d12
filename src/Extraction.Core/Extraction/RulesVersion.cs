using System.Collections;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Extraction.Core.Extraction;

/// <summary>
/// The rules' version, derived from what they read with: every pattern (source and options), word list and
/// constant of the rules and the normaliser, hashed. A pattern or a word changed is a new version, so answers the
/// rules made are never mixed under one name across changes; RulesVersionTests pins the hash, so the change is seen.
/// </summary>
public static class RulesVersion
{
    /// <summary>Raise when the rules' code — not a pattern or a word, which the hash sees — changes what they read.</summary>
    private const int LogicRevision = 1;

    private static readonly Type[] Readers =
    [
        typeof(RulesExtractor), typeof(RuleLabels), typeof(DocumentValues), typeof(SpokenForms), typeof(AmountWords), typeof(LabelText),
        typeof(MisreadWords), typeof(DataText), typeof(DocumentText), typeof(AccountSections), typeof(Lexicon),
    ];

    /// <summary>"rules-" and the first eight hex digits of the fingerprint: what a result's <c>model</c> names.</summary>
    public static string Current { get; } = $"rules-{Fingerprint()[..8]}";

    /// <summary>SHA-256 of every reader's patterns, word lists and constants, in a stable order, and <see cref="LogicRevision"/>.</summary>
    public static string Fingerprint() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Description())));

    /// <summary>What the fingerprint is taken of, one line per pattern, list or constant.</summary>
    public static string Description()
    {
        const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var text = new StringBuilder().Append("logic=").Append(LogicRevision).Append('\n');
        foreach (var type in Readers)
        {
            foreach (var method in type.GetMethods(Static).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0).OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                var regex = (Regex)method.Invoke(null, null)!;
                text.Append(type.Name).Append('.').Append(method.Name).Append('=').Append(regex).Append(" /").Append(regex.Options).Append('\n');
            }

            foreach (var field in type.GetFields(Static).Where(f => f.FieldType != typeof(Regex)).OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                text.Append(type.Name).Append('.').Append(field.Name).Append('=').Append(Written(field.GetValue(null))).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>A value as text; a collection's items sorted, since a set's order is not its content.</summary>
    private static string Written(object? value) => value switch
    {
        null => "",
        string s => s,
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(Written).Order(StringComparer.Ordinal)),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
