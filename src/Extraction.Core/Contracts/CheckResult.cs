namespace Extraction.Core.Contracts;

/// <summary>
/// One check of an answer. A check that cannot judge (the document does not let it read what it needs) passes
/// with <see cref="Abstained"/> set and says why: it never accuses an answer it could not read.
/// </summary>
public sealed record CheckResult(string Name, bool Passed, string? Detail)
{
    /// <summary>The check could not judge the answer: it passes, and <see cref="Detail"/> says why.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Abstained { get; init; }

    /// <summary>
    /// A failure that is a doubt, not a finding: a second reading that gives the same values for its
    /// <see cref="Fields"/> settles it (see docs/quality.md, "What agreement means").
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Soft { get; init; }

    /// <summary>A soft failure a second reading settled: it passes, and says whose readings agreed.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Settled { get; init; }

    /// <summary>The fields the outcome is about (those in doubt where it failed); empty where it is about the answer as a whole.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Fields { get; init; }

    public static CheckResult CouldNotJudge(string name, string why, IReadOnlyList<string>? fields = null) =>
        new(name, true, $"could not judge: {why}") { Abstained = true, Fields = fields };
}
