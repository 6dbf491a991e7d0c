using Medlem.Core.Consortium;
using Medlem.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Medlem.Core.Data;

/// <summary>
/// The member register: people, memberships, cards and the consortium, on SQLite or PostgreSQL.
/// Every query a staff member's request makes goes through <see cref="Members.Tenancy"/> so it sees one
/// library's members only.
/// </summary>
public sealed class MedlemDbContext(DbContextOptions<MedlemDbContext> options, IPersonalDataProtector protector)
    : DbContext(options)
{
    internal IPersonalDataProtector Protector { get; } = protector;

    public DbSet<Library> Libraries => Set<Library>();
    public DbSet<Branch> Branches => Set<Branch>();
    public DbSet<StaffAccount> StaffAccounts => Set<StaffAccount>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<ContactPoint> ContactPoints => Set<ContactPoint>();
    public DbSet<Guardianship> Guardianships => Set<Guardianship>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<MembershipType> MembershipTypes => Set<MembershipType>();
    public DbSet<LibraryCard> Cards => Set<LibraryCard>();
    public DbSet<Members.Accounts.MemberAccount> MemberAccounts => Set<Members.Accounts.MemberAccount>();
    public DbSet<Members.Accounts.MemberLink> MemberLinks => Set<Members.Accounts.MemberLink>();
    public DbSet<Messaging.SentMessage> SentMessages => Set<Messaging.SentMessage>();
    public DbSet<Privacy.Restriction.LegalHold> LegalHolds => Set<Privacy.Restriction.LegalHold>();
    public DbSet<Activity.ImportRun> ImportRuns => Set<Activity.ImportRun>();
    public DbSet<Activity.ImportRowError> ImportRowErrors => Set<Activity.ImportRowError>();
    public DbSet<Activity.SourceIdentity> SourceIdentities => Set<Activity.SourceIdentity>();
    public DbSet<Activity.StatisticsKey> StatisticsKeys => Set<Activity.StatisticsKey>();
    public DbSet<Activity.ActivitySource> ActivitySources => Set<Activity.ActivitySource>();
    public DbSet<Privacy.Audit.AuditEntry> AuditEntries => Set<Privacy.Audit.AuditEntry>();
    public DbSet<Privacy.Audit.AuditAnchor> AuditAnchors => Set<Privacy.Audit.AuditAnchor>();
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();
    public DbSet<Privacy.Consents.ConsentRecord> ConsentRecords => Set<Privacy.Consents.ConsentRecord>();
    public DbSet<Privacy.Requests.PrivacyRequest> PrivacyRequests => Set<Privacy.Requests.PrivacyRequest>();
    public DbSet<Privacy.Retention.RetentionRun> RetentionRuns => Set<Privacy.Retention.RetentionRun>();
    public DbSet<Privacy.Retention.JobLease> JobLeases => Set<Privacy.Retention.JobLease>();
    public DbSet<Privacy.Breaches.Breach> Breaches => Set<Privacy.Breaches.Breach>();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        KeepSearchNames();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        KeepSearchNames();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void KeepSearchNames()
    {
        foreach (var entry in ChangeTracker.Entries<Person>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.SearchName = Person.SearchNameOf(entry.Entity.GivenName, entry.Entity.FamilyName);
            }
        }
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ReplaceService<IModelCacheKeyFactory, ProtectorModelCacheKeyFactory>();

    /// <summary>
    /// Instants are stored in UTC on both providers: PostgreSQL's timestamptz accepts only
    /// offset 0, and SQLite compares the stored text, which is only ordered when every value
    /// has the same offset.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcInstantConverter>();
    }

    private sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        instant => instant.ToUniversalTime(),
        stored => stored);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MedlemDbContext).Assembly);

        var encrypted = new ValueConverter<string?, string?>(
            plain => plain == null ? null : Protector.Protect(plain),
            cipher => cipher == null ? null : Protector.Unprotect(cipher));
        modelBuilder.Entity<Person>().Property(p => p.NationalIdentityNumber).HasConversion(encrypted);
    }

    /// <summary>
    /// The model holds a converter bound to this context's protector, so one model is cached per
    /// protector instance (one per application), not one per context type.
    /// </summary>
    private sealed class ProtectorModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            context is MedlemDbContext medlem
                ? (context.GetType(), medlem.Protector, designTime)
                : (object)(context.GetType(), designTime);
    }
}
