namespace Extraction.Core.Activities;

public static class BatchDeadline
{
    public const string Reason = "The batch deadline passed before this account was extracted; re-run the batch to try again.";
}
