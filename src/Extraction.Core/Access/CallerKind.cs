namespace Extraction.Core.Access;

/// <summary>A partner sends batches and reads its own results; a reviewer corrects accounts of the partners in its scope.</summary>
public enum CallerKind
{
    Partner,
    Reviewer,
}
