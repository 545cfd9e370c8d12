using Microsoft.DurableTask;

namespace Extraction.Core.Orchestration;

/// <summary>
/// What a partner may read about a failure (a batch's <c>failure</c>, a <c>failed</c> result's error):
/// the kind of failure in our words. Exception text is never passed on — a storage error carries response
/// headers, server versions and request ids. Only messages this code wrote for partners go through whole.
/// </summary>
public static class FailureText
{
    public static string Describe(TaskFailureDetails? failure)
    {
        // The innermost failure says what went wrong; the outer ones only that a task or sub-orchestration failed.
        while (failure?.InnerFailure is { } inner)
        {
            failure = inner;
        }

        return failure?.ErrorType switch
        {
            null => "an unknown error",
            var type when Is<InvalidDataException>(type) || Is<Budgets.BudgetUnavailableException>(type) => Short(failure.ErrorMessage),
            var type when type.StartsWith("Azure.", StringComparison.Ordinal) => "a storage or model call was refused or failed",
            var type when Is<TimeoutException>(type) || Is<TaskCanceledException>(type) || Is<OperationCanceledException>(type) => "a call timed out",
            var type when Is<System.Net.Http.HttpRequestException>(type) || type.StartsWith("System.Net.", StringComparison.Ordinal) => "a network call failed",
            _ => "an internal error",
        };
    }

    private static bool Is<T>(string type) => type == typeof(T).FullName;

    private static string Short(string message) => message.Length <= 300 ? message : message[..300] + "…";
}
