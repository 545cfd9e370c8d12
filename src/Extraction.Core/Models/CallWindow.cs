using Extraction.Core.Quota;

namespace Extraction.Core.Models;

/// <summary>
/// How long one deployment may take for one account: <paramref name="CallTime"/> for its calls and retry backoffs
/// (<c>Model:TimeoutMs</c>, <c>Model:TeacherTimeoutMs</c>), and the account's <paramref name="Deadline"/>, which
/// the wait for a slot at the deployment counts against too. <paramref name="Lane"/> says whose call it is.
/// </summary>
public sealed record CallWindow(TimeSpan CallTime, DateTimeOffset Deadline, CallLane Lane);
