namespace Extraction.HostTests.TestKit;

/// <summary>
/// Which Functions host runs the app: Core Tools' <c>func</c> where it is on PATH, otherwise the host kit in the folder
/// <see cref="KitVariable"/> names. Neither: the tests are skipped, unless <see cref="RequiredVariable"/> is set (as
/// <c>.ci/run</c> does), when they fail naming the variable.
/// </summary>
internal static class HostKind
{
    public const string KitVariable = "FUNCTIONS_HOST_KIT";
    public const string RequiredVariable = "FUNCTIONS_HOST_REQUIRED";

    /// <summary>The path of <c>func</c>, or null.</summary>
    public static string? Func { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, "func"))
        .FirstOrDefault(File.Exists);

    /// <summary>The kit's <c>run</c> script, or null.</summary>
    public static string? KitRun { get; } = Environment.GetEnvironmentVariable(KitVariable) is { Length: > 0 } kit && File.Exists(Path.Combine(kit, "run"))
        ? Path.Combine(Path.GetFullPath(kit), "run")
        : null;

    public static bool Available => Func is not null || KitRun is not null;

    public static bool Required => Environment.GetEnvironmentVariable(RequiredVariable) is "1" or "true";

    public static string Missing =>
        $"No Functions host: neither func (Core Tools) on PATH nor a host kit in {KitVariable} (now '{Environment.GetEnvironmentVariable(KitVariable)}').";
}

/// <summary>A test that runs the app under the Functions host: skipped where there is none, unless one is required.</summary>
public sealed class HostFactAttribute : FactAttribute
{
    public HostFactAttribute()
    {
        if (!HostKind.Available && !HostKind.Required)
        {
            Skip = HostKind.Missing;
        }
    }
}
