using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation;

/// <summary>Which part of the corpus a family belongs to.</summary>
public enum FamilySet
{
    /// <summary>The first shapes, which the rules and checks were written beside.</summary>
    Core,

    /// <summary>Other shapes the rules and checks may be developed against.</summary>
    Development,

    /// <summary>Shapes kept out of development: measured, never tuned to one by one.</summary>
    HeldOut,
}

/// <summary>
/// A family of documents: one way a kind of servicer, issuer or agent writes a liability's figures.
/// Families are the unit of the held-out split, so a rule cannot learn a family's wording from its siblings.
/// </summary>
public sealed record DocumentFamily
{
    internal DocumentFamily(string name, FamilySet set, int weight, string description, Func<Draw, TextFormats, DateOnly, SyntheticDocument> write) =>
        (Name, Set, Weight, Description, Write) = (name, set, weight, description, write);

    public string Name { get; }

    public FamilySet Set { get; }

    /// <summary>How often the family is drawn relative to the others of its corpus.</summary>
    public int Weight { get; }

    public string Description { get; }

    internal Func<Draw, TextFormats, DateOnly, SyntheticDocument> Write { get; }
}

internal sealed record SyntheticDocument(LiabilityType LiabilityType, SourceKind Kind, string Lender, string Text, ExtractedFields Fields);
