package sc.fiji.stylegan2.plugin.input;

/** Seeds as short text for labels and messages, consecutive runs collapsed: {@code 0-3,10}. */
final class SeedText {

    private SeedText() {}

    static String of(long[] seeds) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < seeds.length; i++) {
            int j = i;
            while (j + 1 < seeds.length && seeds[j + 1] == seeds[j] + 1) {
                j++;
            }
            sb.append(sb.length() == 0 ? "" : ",")
                    .append(seeds[i])
                    .append(j > i ? "-" + seeds[j] : "");
            i = j;
        }
        return sb.toString();
    }
}
