using System.Globalization;

namespace Extraction.Core.Checks;

/// <summary>Values as a person reads them in a check's detail.</summary>
internal static class CheckFormat
{
    public static string Value(object value) => value switch
    {
        decimal d => d.ToString("#,##0.00##", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static Contracts.CheckResult Outcome(string name, IReadOnlyCollection<string> problems, string passed) =>
        new(name, problems.Count == 0, problems.Count == 0 ? passed : string.Join("; ", problems));
}
