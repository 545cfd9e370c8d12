namespace Extraction.Core.Orchestration;

/// <summary>What became of a blob dropped at <c>incoming/{partner}/{name}</c>.</summary>
public enum UploadOutcome
{
    /// <summary>Its batch was started.</summary>
    Started,

    /// <summary>This very blob (name and version) already has a live run: a re-fire.</summary>
    AlreadyRunning,

    /// <summary>This very blob already has results: processed before (a restart, a purge), not redone.</summary>
    AlreadyProcessed,

    /// <summary>Its folder is not a partner id.</summary>
    NotAPartner,
}
