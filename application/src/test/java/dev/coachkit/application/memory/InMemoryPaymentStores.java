package dev.coachkit.application.memory;

/** One set of in-memory payment stores over one unit of work, as the payments contracts use them. */
final class InMemoryPaymentStores {

    final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    final InMemoryAccounts accounts = new InMemoryAccounts(unitOfWork);
    final InMemoryTenants tenants = new InMemoryTenants(unitOfWork);
    final InMemoryProducts products = new InMemoryProducts(unitOfWork);
    final InMemoryOrders orders = new InMemoryOrders(unitOfWork);
    final InMemoryCreditLedger ledger = new InMemoryCreditLedger(unitOfWork);
    final InMemoryPaymentSettings settings = new InMemoryPaymentSettings(unitOfWork);
    final InMemoryProcessedPaymentEvents processedEvents = new InMemoryProcessedPaymentEvents(unitOfWork);
    final InMemoryPaymentDirectory directory = new InMemoryPaymentDirectory(orders, settings);
}
