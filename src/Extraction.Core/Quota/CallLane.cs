namespace Extraction.Core.Quota;

/// <summary>Whose call waits for a deployment's slot, in the order slots go: a partner waiting on the line first.</summary>
public enum CallLane
{
    /// <summary><c>POST /api/extract</c>: never queued behind batch calls, and may borrow a little of the next second.</summary>
    Realtime = 0,

    /// <summary>Batch accounts: admitted a few seconds of calls at a time, so their own deadlines start when they can be served.</summary>
    Batch = 1,

    /// <summary>Shadow answers and the evaluation gate: whatever the other two leave.</summary>
    Background = 2,
}
