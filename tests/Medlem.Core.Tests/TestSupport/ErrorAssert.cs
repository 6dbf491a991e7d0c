using Xunit;

namespace Medlem.Core.Tests.TestSupport;

internal static class ErrorAssert
{
    /// <summary>Asserts that <paramref name="errors"/> holds <paramref name="code"/> for <paramref name="field"/>.</summary>
    public static void Has(ValidationErrors errors, string field, string code) =>
        Assert.True(
            errors.ByField.TryGetValue(field, out var codes) && codes.Contains(code),
            $"Expected \"{field}: {code}\", got \"{errors}\".");

    /// <summary>Asserts that <paramref name="field"/> has exactly the given codes, in order.</summary>
    public static void Exactly(ValidationErrors errors, string field, params string[] codes) =>
        Assert.True(
            errors.ByField.TryGetValue(field, out var actual) && actual.SequenceEqual(codes),
            $"Expected \"{field}: {string.Join(", ", codes)}\", got \"{errors}\".");

    public static void None(ValidationErrors errors) =>
        Assert.True(errors.IsEmpty, $"Expected no errors, got \"{errors}\".");

    public static void NoneFor(ValidationErrors errors, string field) =>
        Assert.False(errors.ByField.ContainsKey(field), $"Expected no error for {field}, got \"{errors}\".");
}
