namespace Extraction.Tooling.Generation;

/// <summary>What a round's measurement may be read as.</summary>
public enum RoundStatus
{
    /// <summary>The product was written beside it or its failures were fixed (as classes): the goals hold on it, and a test keeps them.</summary>
    Taught,

    /// <summary>Measured once, when it was added, and never tuned to: its figures estimate what an unseen partner's documents will do.</summary>
    FirstContact,
}

/// <summary>
/// Families added together, in the order a corpus draws them: the core, development, each blind round. A measured
/// round is frozen — a new family goes into a new round — because adding or moving one changes every document a
/// seed writes from the round.
/// </summary>
public sealed record FamilyRound(string Name, string Description, RoundStatus Status, IReadOnlyList<DocumentFamily> Families);
