namespace Extraction.Core.Contracts;

/// <summary>batch.v1 <c>source.kind</c>; serialized in snake_case (<c>call_transcript</c>).</summary>
public enum SourceKind
{
    CallTranscript,
    Statement,
    PayoffLetter,
    PortalPage,
    Other,
}
