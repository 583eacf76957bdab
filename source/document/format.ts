// Small formatting rules shared by every output: dates, ranges and which links are safe.

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2019-06" → "Jun 2019"; "2013-12-01" → "1 Dec 2013"; "2011" → "2011". */
export function formatDate(date: string): string {
	const [year, month, day] = date.split('-');
	const monthName = month === undefined ? undefined : months[Number(month) - 1];
	if (year === undefined || monthName === undefined) {
		return date;
	}

	return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** "Jun 2019 – Present", "2007 – 2011", or "" when there is no start date. */
export function formatRange(startDate?: string, endDate?: string): string {
	if (startDate === undefined) {
		return endDate === undefined ? '' : formatDate(endDate);
	}

	return `${formatDate(startDate)} – ${endDate === undefined ? 'Present' : formatDate(endDate)}`;
}

const safeSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** The URL if it is an http, https, mailto or tel link; anything else is never linked or opened. */
export function safeHref(url: string | undefined): string | undefined {
	if (url === undefined || url.trim() === '') {
		return undefined;
	}

	try {
		const parsed = new URL(url.trim());
		return safeSchemes.has(parsed.protocol) ? parsed.href : undefined;
	} catch {
		return undefined;
	}
}

export function mailtoHref(email: string | undefined): string | undefined {
	return email && /^[^\s@]+@[^\s@]+$/.test(email) ? safeHref(`mailto:${email}`) : undefined;
}

export function telHref(phone: string | undefined): string | undefined {
	const digits = phone?.replace(/[^\d+]/g, '') ?? '';
	return /^\+?\d{3,}$/.test(digits) ? `tel:${digits}` : undefined;
}

/** Joins the non-empty parts with a separator, so missing fields leave no stray " · ". */
export function joinParts(parts: ReadonlyArray<string | undefined>, separator = ' · '): string {
	return parts.filter((part): part is string => part !== undefined && part.trim() !== '').join(separator);
}
