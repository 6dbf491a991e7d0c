using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medlem.Core.Privacy.Breaches;

/// <summary>The library's register of personal data breaches, for its data protection officer.</summary>
public sealed class Breaches(MedlemDbContext db, TimeProvider clock)
{
    public const int MaxText = 4000;

    public async Task<Outcome<Breach>> RecordAsync(int libraryId, DateTimeOffset discoveredAt, string? description, int? peopleAffected, int staffId, CancellationToken ct)
    {
        description = description?.Trim();
        if (string.IsNullOrEmpty(description) || description.Length > MaxText)
        {
            return Outcome<Breach>.Invalid("Description", "breach.description-required");
        }

        if (discoveredAt > clock.GetUtcNow())
        {
            return Outcome<Breach>.Invalid("DiscoveredAt", "breach.discovered-future");
        }

        if (peopleAffected is < 0)
        {
            return Outcome<Breach>.Invalid("PeopleAffected", "breach.people-negative");
        }

        var breach = new Breach
        {
            Id = Guid.NewGuid(), LibraryId = libraryId, DiscoveredAt = discoveredAt.ToUniversalTime(), Description = description,
            PeopleAffected = peopleAffected, RecordedByStaffId = staffId,
        };
        db.Breaches.Add(breach);
        await db.SaveChangesAsync(ct);
        return Outcome<Breach>.Success(breach);
    }

    /// <summary>Records the follow-up: measures, the notification to Datatilsynet (or why none), telling the people concerned.</summary>
    public async Task<Outcome<Breach>> UpdateAsync(int libraryId, Guid id, string? measures, bool notifiedAuthority, string? notificationNote, bool informedPeople, CancellationToken ct)
    {
        var breach = await db.Breaches.SingleOrDefaultAsync(b => b.Id == id && b.LibraryId == libraryId, ct);
        if (breach is null)
        {
            return Outcome<Breach>.Missing();
        }

        measures = measures?.Trim();
        notificationNote = notificationNote?.Trim();
        if (measures is { Length: > MaxText } || notificationNote is { Length: > MaxText })
        {
            return Outcome<Breach>.Invalid("Measures", "breach.too-long");
        }

        var now = clock.GetUtcNow();
        if (notifiedAuthority && breach.NotifiedAuthorityAt is null && now > breach.NotifyBy && string.IsNullOrEmpty(notificationNote))
        {
            // Art. 33(1): a notification after 72 hours comes with the reasons for the delay.
            return Outcome<Breach>.Invalid("NotificationNote", "breach.late-reason-required");
        }

        breach.Measures = string.IsNullOrEmpty(measures) ? breach.Measures : measures;
        breach.NotificationNote = string.IsNullOrEmpty(notificationNote) ? breach.NotificationNote : notificationNote;
        breach.NotifiedAuthorityAt ??= notifiedAuthority ? now : null;
        breach.InformedPeopleAt ??= informedPeople ? now : null;
        await db.SaveChangesAsync(ct);
        return Outcome<Breach>.Success(breach);
    }

    public async Task<IReadOnlyList<Breach>> ListAsync(int libraryId, CancellationToken ct) =>
        [.. (await db.Breaches.AsNoTracking().Where(b => b.LibraryId == libraryId).ToListAsync(ct)).OrderByDescending(b => b.DiscoveredAt)];

    public Task<Breach?> FindAsync(int libraryId, Guid id, CancellationToken ct) =>
        db.Breaches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id && b.LibraryId == libraryId, ct);
}

internal sealed class BreachConfiguration : IEntityTypeConfiguration<Breach>
{
    public void Configure(EntityTypeBuilder<Breach> breach)
    {
        breach.HasOne<Consortium.Library>().WithMany().HasForeignKey(b => b.LibraryId);
        breach.Property(b => b.Description).HasMaxLength(Breaches.MaxText);
        breach.Property(b => b.Measures).HasMaxLength(Breaches.MaxText);
        breach.Property(b => b.NotificationNote).HasMaxLength(Breaches.MaxText);
        breach.HasIndex(b => b.LibraryId);
        breach.Ignore(b => b.NotifyBy);
    }
}
