namespace Medlem.Core;

/// <summary>
/// Validation failures collected per field, as stable codes (e.g. <c>name.required</c>) that
/// the web layer turns into text in the reader's language. Core never formats messages: it
/// does not know the reader's culture.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public IReadOnlyDictionary<string, List<string>> ByField => _errors;

    public void Add(string field, string code)
    {
        if (!_errors.TryGetValue(field, out var codes))
        {
            codes = [];
            _errors[field] = codes;
        }

        if (!codes.Contains(code))
        {
            codes.Add(code);
        }
    }

    public override string ToString() =>
        string.Join("; ", _errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
}

/// <summary>The outcome of a use case that may fail validation.</summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, ValidationErrors? errors, bool notFound)
    {
        Value = value;
        Errors = errors ?? new ValidationErrors();
        NotFound = notFound;
    }

    public T? Value { get; }

    public ValidationErrors Errors { get; }

    /// <summary>The thing acted on does not exist, or is outside the caller's library.</summary>
    public bool NotFound { get; }

    public bool Succeeded => !NotFound && Errors.IsEmpty;

    public static Outcome<T> Success(T value) => new(value, null, false);

    public static Outcome<T> Invalid(ValidationErrors errors) => new(default, errors, false);

    public static Outcome<T> Missing() => new(default, null, true);

    public static Outcome<T> Invalid(string field, string code)
    {
        var errors = new ValidationErrors();
        errors.Add(field, code);
        return Invalid(errors);
    }
}
