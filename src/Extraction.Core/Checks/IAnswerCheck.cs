using Extraction.Core.Contracts;

namespace Extraction.Core.Checks;

/// <summary>One named check of an answer. Returns null where it does not apply (a value it needs is absent).</summary>
public interface IAnswerCheck
{
    string Name { get; }

    CheckResult? Run(CheckContext context);
}
