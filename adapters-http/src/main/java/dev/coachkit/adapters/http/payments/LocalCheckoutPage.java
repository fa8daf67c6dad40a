package dev.coachkit.adapters.http.payments;

import dev.coachkit.application.payments.port.in.LocalCheckoutUseCase.CheckoutPage;
import dev.coachkit.domain.payments.Money;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.OrderStatus;
import java.math.BigDecimal;
import org.eclipse.jetty.util.StringUtil;

/**
 * The development provider's checkout page: what the order sells and, while it is PENDING, a Pay and a
 * Decline button posting back to the same URL. Product names are tenant input:
 * they are shown XML-escaped, which is safe in HTML text.
 */
final class LocalCheckoutPage {

    private LocalCheckoutPage() {}

    static String render(CheckoutPage page) {
        Order order = page.order();
        String actions = order.status() == OrderStatus.PENDING
                ? """
                  <form method="post">
                    <button name="outcome" value="paid">Pay</button>
                    <button name="outcome" value="declined">Decline</button>
                  </form>"""
                : "<p>This order is " + order.status() + ".</p>";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>CoachKit test checkout</title></head>
                <body>
                  <h1>Test checkout</h1>
                  <p>No money moves here: this page stands in for a payment provider during development.</p>
                  <p>%s: %d credits for %s</p>
                  <p>Order %s, status <strong>%s</strong></p>
                  %s
                </body>
                </html>
                """.formatted(StringUtil.sanitizeXmlString(page.product().name()), order.credits(),
                amount(order.amount()), order.id(), order.status(), actions);
    }

    private static String amount(Money money) {
        int digits = Math.max(0, money.currency().getDefaultFractionDigits());
        return BigDecimal.valueOf(money.minorUnits(), digits).toPlainString() + " " + money.currencyCode();
    }
}
