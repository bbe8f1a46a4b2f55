// A certification a person added themselves, as the API and pages see it (types only).
export type CustomCertification = { id: string; title: string; issuer: string };
